import Testing
import TIPTable
import TIPDomain

@Suite struct SchemaTests {
    @Test func judicialGoodFile() {
        let d = dataset("""
        statute,offence,period,arrests,convictions,source
        53a-192a,Trafficking in persons,2006/2016-03,10,0,news
        53a-83(c),Patronizing,2013/2016,0,0,report
        """, kind: .judicial)
        #expect(d.problems.isEmpty)
        #expect(d.table?["period"]?.type == .period)
    }

    @Test func judicialBadFile() {
        let d = dataset("""
        statute,period,arrests,convictions
        53a-999,2014,1,0
        fifty,2014,1,0
        53a-86,,2,-1
        53a-86,2014,,
        53a-86,2016-09/2016-01,1,1
        """, kind: .judicial)
        #expect(messages(d) == [
            "d.csv:2:1: error: column \"statute\": unknown statute \"53a-999\"; if it is right, list it in the metadata's \"tipstat:statutes\" or pass --statute 53a-999",
            "d.csv:3:1: error: column \"statute\": \"fifty\" is not a statute number such as 53a-192a or 53a-83(c)",
            "d.csv:4:2: error: column \"period\": a value is required in every row",
            "d.csv:4:4: error: column \"convictions\": -1 is negative; a count or amount cannot be below zero",
            "d.csv:5:3: warning: the row states none of arrests, convictions",
            "d.csv:6:2: error: column \"period\": \"2016-09/2016-01\" ends before it starts",
        ])
        #expect(d.hasErrors)
    }

    @Test func extraStatutesAreAccepted() {
        let d = dataset("statute,period,arrests,convictions\n53a-999,2014,1,0\n", kind: .judicial, statutes: ["53a-999"])
        #expect(d.problems.isEmpty)
    }

    @Test func missingRequiredColumn() {
        let d = dataset("statute,period,arrests\n53a-86,2014,1\n", kind: .judicial)
        #expect(messages(d) == ["d.csv:1:1: error: missing required column \"convictions\" (the judicial schema needs: statute, period, arrests, convictions)"])
    }

    @Test func referrals() {
        #expect(dataset("period,referrals\n2015,133\n2016-01/2016-09,151\n", kind: .referrals).problems.isEmpty)
        let bad = dataset("period,referrals\n2015,-3\n2016,\n2017,12.5\n", kind: .referrals)
        #expect(messages(bad) == [
            "d.csv:2:2: error: column \"referrals\": -3 is negative; a count or amount cannot be below zero",
            "d.csv:3:2: warning: the row states none of referrals",
            "d.csv:4:2: error: column \"referrals\": expected an integer, found \"12.5\"",
        ])
    }

    @Test func rowChecksFindColumnsUnderTheirAliases() {
        // "year" and "percent" are period and share: the shares of 2016 and of 2017 are checked apart.
        let shares = dataset("year,dimension,category,percent\n2016,race,A,60%\n2016,race,B,30%\n2017,race,A,70%\n2017,race,B,50%\n", kind: .demographics)
        #expect(messages(shares).count == 1)
        #expect(messages(shares).first?.hasPrefix("d.csv:4:4: error: shares of \"race\" (2017) sum to 120%") == true, "\(messages(shares))")
        let hotline = dataset("period,cases,cases_labour,cases_both\n2015,5,4,2\n", kind: .hotline)
        #expect(messages(hotline) == ["d.csv:2:2: error: cases by type add to 6, more than the 5 cases of the row"])
        let judicial = dataset("statute,year,arrests,convictions\n53a-192a,2014,,\n", kind: .judicial)
        #expect(messages(judicial) == ["d.csv:2:3: warning: the row states none of arrests, convictions"])
    }

    @Test func demographicsSharesAndCounts() {
        let good = dataset("""
        period,dimension,category,count,share,total,complete
        2018,race,A,20,20%,100,yes
        2018,race,B,33,33%,100,yes
        2018,race,C,47,47%,100,yes
        2016,age,15-16,75,,202,no
        """, kind: .demographics)
        #expect(good.problems.isEmpty)

        let bad = dataset("""
        period,dimension,category,count,share,total,complete
        2016,race,A,,50%,,no
        2016,race,B,,50%,,no
        2016,race,C,,40%,,no
        2017,race,A,,45%,,yes
        2017,race,B,,45%,,yes
        2018,age,10,300,,200,no
        2019,age,10,10,120%,,no
        2020,race,A,10,60%,100,yes
        2020,race,B,80,40%,100,yes
        """, kind: .demographics)
        #expect(messages(bad) == [
            "d.csv:2:5: error: shares of \"race\" (2016) sum to 140%, more than 100% (allowed: up to 101.5% for 3 shares rounded to whole percents)",
            "d.csv:5:5: error: shares of \"race\" (2017) sum to 90% though the rows are marked complete (expected 100% ± 1 for 2 shares rounded to whole percents)",
            "d.csv:7:4: error: column \"count\": 300 is more than the total of 200",
            "d.csv:8:5: error: column \"share\": 120% is more than 100%",
            "d.csv:8:5: error: shares of \"age\" (2019) sum to 120%, more than 100% (allowed: up to 100.5% for 1 share rounded to whole percents)",
            "d.csv:9:4: warning: counts of \"race\" (2020) add to 90, not the stated total of 100",
            "d.csv:9:5: warning: column \"share\": 60% does not match 10 of 100 (10.0%)",
            "d.csv:10:5: warning: column \"share\": 40% does not match 80 of 100 (80.0%)",
        ])
    }

    @Test func hotlineTypesCannotExceedCases() {
        #expect(dataset("period,calls,cases,cases_sex\n2015,,29,24\n", kind: .hotline).problems.isEmpty)
        #expect(messages(dataset("period,cases,cases_sex,cases_labour\n2015,29,24,10\n", kind: .hotline)) == [
            "d.csv:2:2: error: cases by type add to 34, more than the 29 cases of the row",
        ])
    }

    @Test func providersVocabulary() {
        #expect(dataset("provider,period,measure,value\nX,2016,screened,120\nX,2016,Dollars Spent,$5\n", kind: .providers).problems.count == 1)
        #expect(messages(dataset("provider,period,measure,value\nX,2016,hugs,3\nX,2016,served,-1\n", kind: .providers)) == [
            "d.csv:2:3: error: column \"measure\": unknown measure \"hugs\" (expected one of screened, served, long_term_services, rapid_responses, trainings, participants, professionals_trained, victims_housed, cases, dollars_allocated, dollars_spent, dollars_committed)",
            "d.csv:3:4: error: column \"value\": -1 is negative; a count or amount cannot be below zero",
        ])
    }

    @Test func demandFactors() {
        #expect(dataset("factor,value\nchildren,456\ndays,182\n", kind: .demand).problems.isEmpty)
        #expect(messages(dataset("factor,value\nkids,456\n", kind: .demand)) == [
            "d.csv:2:1: error: column \"factor\": unknown factor \"kids\" (expected one of children, buyers_per_child_per_day, days, visits_per_buyer, stated_result)",
        ])
    }

    @Test func statuteNumbers() {
        for s in ["53a-192a", "53a-83(c)", "53-21(a)(1)", " 53a-86 "] { #expect(Statutes.isWellFormed(s), "\(s)") }
        for s in ["53a", "53a-", "-86", "53a-83(", "53a-83()", "53A-86", "53a-83 (c)x"] { #expect(!Statutes.isWellFormed(s), "\(s)") }
        #expect(Statutes.section(of: "53a-83(c)") == "53a-83")
        #expect(Statutes.isKnown("53a-83(c)"))
        #expect(!Statutes.isKnown("53a-999"))
    }
}
