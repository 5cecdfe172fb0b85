// TIPAnalysis is what front ends and other Swift programs import to run the analyses: its
// requests take TIPTable's inputs (CSVInput, LoadOptions, Period) and TIPStats' settings
// (TestAlternative, ProportionInterval.Method), and the demand model is TIPDomain's, so the
// three come with it and `import TIPAnalysis` is enough.
@_exported import TIPTable
@_exported import TIPStats
@_exported import TIPDomain
