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

/// A command that runs one analysis: it builds the request from its options (the request
/// checks its own arguments), and prints the outcome as `--format` and `-o` say. `validate()`
/// and `run()` are these, the same for every analysis command; a command with checks of its
/// own options writes its own `validate()` and ends it with `_ = try usage(request)`.
protocol AnalysisCommand: ParsableCommand {
    associatedtype Request: AnalysisRequest
    var result: ResultOptions { get }
    /// The files the command reads (never overwritten by `-o`).
    var inputs: [String] { get }
    func request() throws(AnalysisError) -> Request
}

extension AnalysisCommand {
    var inputs: [String] { [] }

    func validate() throws {
        _ = try usage(request)
    }

    func run() throws {
        try result.emit(analysis { () throws(AnalysisError) in try request().run() }, inputs: inputs)
    }
}
