#!/usr/bin/env python3
"""Writes a deterministic synthetic case-level file for `make bench`.

One row per charge: case id, statute, year, town (some with quoted commas), age (about 1 in 12
blank), amount (a bail or fine amount with cents) and disposition. The same seed always gives
the same bytes, so figures from different runs and machines measure the same input.

    python3 Benchmarks/generate.py bench-data/cases.csv 200
"""
import sys

STATUTES = ["53a-192a", "53a-82", "53a-83", "53a-83(c)", "53a-86", "53a-87", "53a-88", "53a-89",
            "53a-90a", "53a-90b", "53a-196a", "53a-196b", "53-21", "53a-192"]
TOWNS = ["Hartford", "New Haven", "Bridgeport", "Stamford", "Waterbury", "Norwalk", "Danbury",
         "New Britain", "\"Windsor, CT\"", "\"Groton, New London County\"", "Meriden", "Bristol",
         "\"Manchester, CT\"", "West Haven", "Milford", "Middletown"]
DISPOSITIONS = ["guilty", "nolle", "dismissed", "not guilty", "pending", "convicted", "Guilty"]


def main():
    path = sys.argv[1]
    megabytes = float(sys.argv[2]) if len(sys.argv) > 2 else 200
    target = int(megabytes * 1_000_000)
    state = 0x2545F4914F6CDD1D
    written = 0
    case = 0
    with open(path, "w", newline="") as out:
        header = "case_id,statute,year,town,age,amount,disposition\n"
        out.write(header)
        written += len(header)
        lines = []
        while written < target:
            # xorshift64*: deterministic, fast enough, no dependence on Python's random module.
            state ^= (state >> 12) & 0xFFFFFFFFFFFFFFFF
            state ^= (state << 25) & 0xFFFFFFFFFFFFFFFF
            state ^= (state >> 27) & 0xFFFFFFFFFFFFFFFF
            r = (state * 0x2545F4914F6CDD1D) & 0xFFFFFFFFFFFFFFFF
            case += 1
            statute = STATUTES[r % len(STATUTES)]
            year = 2005 + (r >> 8) % 12
            town = TOWNS[(r >> 16) % len(TOWNS)]
            age = "" if (r >> 24) % 12 == 0 else str(16 + (r >> 28) % 50)
            cents = (r >> 34) % 2_000_000
            amount = f"{cents // 100}.{cents % 100:02d}"
            disposition = DISPOSITIONS[(r >> 58) % len(DISPOSITIONS)]
            line = f"C{case:07d},{statute},{year},{town},{age},{amount},{disposition}\n"
            lines.append(line)
            written += len(line)
            if len(lines) == 10000:
                out.write("".join(lines))
                lines.clear()
        out.write("".join(lines))


if __name__ == "__main__":
    main()
