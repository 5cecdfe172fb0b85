import ArgumentParser

/// `tipstat estimate buyers`: model-based estimates.
struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Model-based estimates with their assumptions stated (the buyer-demand extrapolation).",
        discussion: """
        Example:
          tipstat estimate buyers --data Datasets/demand-model.csv --sensitivity --range days=30,365
        """,
        subcommands: [EstimateBuyersCommand.self])
}
