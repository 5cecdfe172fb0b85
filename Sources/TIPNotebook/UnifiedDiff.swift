/// A unified diff of two texts by lines (as `diff -u` prints it), for `tipstat notebook check`
/// to show what changed. The edit script is a longest common subsequence (dynamic programming
/// over the lines after the common prefix and suffix are set aside, so a small change in a long
/// text stays cheap); hunks carry three lines of context.
///
/// ```swift
/// UnifiedDiff.diff(old: "a\nb\n", new: "a\nc\n", oldName: "x.md", newName: "x.md (run)")
/// // "--- x.md\n+++ x.md (run)\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"
/// ```
public enum UnifiedDiff {
    /// The diff, or "" when the texts are equal.
    public static func diff(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        guard old != new else { return "" }
        let a = old.textLines, b = new.textLines
        let ops = editScript(a, b)
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Group the edits into hunks with `context` lines around them.
        var i = 0
        while i < ops.count {
            guard ops[i].kind != .same else { i += 1; continue }
            var start = i
            var sameBefore = 0
            while start > 0 && ops[start - 1].kind == .same && sameBefore < context { start -= 1; sameBefore += 1 }
            var end = i
            while end < ops.count {
                if ops[end].kind != .same { end += 1; continue }
                var run = 0
                while end + run < ops.count && ops[end + run].kind == .same { run += 1 }
                if end + run >= ops.count || run > 2 * context { end += Swift.min(run, context); break }
                end += run
            }
            let hunk = ops[start..<end]
            let oldStart = hunk.first!.oldIndex, newStart = hunk.first!.newIndex
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for op in hunk {
                switch op.kind {
                case .same: out += " " + a[op.oldIndex] + "\n"
                case .delete: out += "-" + a[op.oldIndex] + "\n"
                case .insert: out += "+" + b[op.newIndex] + "\n"
                }
            }
            i = end
        }
        return out
    }

    static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start + 1)" : "\(count == 0 ? start : start + 1),\(count)"
    }

    struct Op {
        enum Kind { case same, delete, insert }
        var kind: Kind
        /// Position in the old text (for an insert: the line it goes before).
        var oldIndex: Int
        var newIndex: Int
    }

    static func editScript(_ a: [String], _ b: [String]) -> [Op] {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
        // lcs[i][j]: the longest common subsequence of x[i...] and y[j...].
        var lcs = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : Swift.max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var ops = (0..<prefix).map { Op(kind: .same, oldIndex: $0, newIndex: $0) }
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count && j < y.count && x[i] == y[j] {
                ops.append(Op(kind: .same, oldIndex: prefix + i, newIndex: prefix + j)); i += 1; j += 1
            } else if i < x.count && (j == y.count || lcs[i + 1][j] >= lcs[i][j + 1]) {
                ops.append(Op(kind: .delete, oldIndex: prefix + i, newIndex: prefix + j)); i += 1
            } else {
                ops.append(Op(kind: .insert, oldIndex: prefix + i, newIndex: prefix + j)); j += 1
            }
        }
        for k in 0..<suffix {
            ops.append(Op(kind: .same, oldIndex: a.count - suffix + k, newIndex: b.count - suffix + k))
        }
        return ops
    }
}
