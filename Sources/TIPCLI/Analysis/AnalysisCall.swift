import ArgumentParser
import TIPAnalysis

/// The command line's name for an analysis argument: `null_ratio` is `--null-ratio`.
func optionName(_ argument: String) -> String { "--" + argument.replacing("_", with: "-") }

/// A library call made from `validate()`: an argument the library refuses is a usage error
/// (exit status 64, with the command's usage), named as its option.
func usage<T>(_ call: () throws(AnalysisError) -> T) throws -> T {
    do {
        return try call()
    } catch {
        if case .argument = error.kind, let text = error.text(naming: optionName) { throw ValidationError(text) }
        throw Output.failure(error)
    }
}

/// A library call made from `run()`: an error prints as the command's (its input's problems,
/// then `FILE: error: MESSAGE`) and ends the command with exit status 1.
func analysis<T>(_ call: () throws(AnalysisError) -> T) throws -> T {
    do {
        return try call()
    } catch {
        throw Output.failure(error)
    }
}
