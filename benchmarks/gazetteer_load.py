"""Print the gazetteer load time, memory and lookup speed: python benchmarks/gazetteer_load.py"""

from __future__ import annotations

import resource
import time


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    start = time.perf_counter()
    from checker.extract.gazetteer import get_gazetteer

    imported = time.perf_counter()
    rss_before = rss_mb()
    gaz = get_gazetteer()
    loaded = time.perf_counter()
    rss_after = rss_mb()
    print(f"import {imported - start:.2f} s, load {loaded - imported:.2f} s")
    print(
        f"RSS before load {rss_before:.0f} MB, after {rss_after:.0f} MB, "
        f"gazetteer ~{rss_after - rss_before:.0f} MB"
    )
    print(
        f"cities {len(gaz._cities)}, regions {len(gaz._regions)}, countries {len(gaz._countries)}"
    )
    names = ["Belgrade", "Guangdong Province", "Paris", "Deepens Friendship", "U.S.", "Niš"]
    t = time.perf_counter()
    for _ in range(1000):
        for name in names:
            gaz.lookup(name, context=("RS",))
    per = (time.perf_counter() - t) / (1000 * len(names)) * 1e6
    print(f"lookup {per:.0f} µs per name")


if __name__ == "__main__":
    main()
