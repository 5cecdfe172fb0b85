import Testing
import TIPTable

@Test func smoke() throws {
    let r = try records("a,b\r\n\"x,\n\"\"y\",2\r\n\r\n3,4")
    print(r)
    let t = load("statute,period,arrests,share,amount,when,ok\n53a-192a,2006/2016-03,\"1,841\",28%,$346.18,2016-09-30,yes\n53a-86,2016,-0,5%,\"$8,344\",2016-02-30,no\n")
    for p in t.problems { print(p) }
    for c in t.table!.columns { print(c.name, c.type, c.values) }
}
