"""Average-linkage clustering over a sparse similarity graph, never looking at pairs it lacks.

A missing pair counts as similarity 0, so a group only grows while it stays similar on average
to everything in it: one shared line or one shared name cannot chain two events together.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping


def average_linkage(count: int, edges: Mapping[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Groups of 0..count-1, merged while the best average similarity of two groups reaches `threshold`."""
    members: dict[int, list[int]] = {node: [node] for node in range(count)}
    sums: dict[int, dict[int, float]] = {node: {} for node in range(count)}
    for (one, two), value in edges.items():
        if one != two and value > 0:
            sums[one][two] = sums[one].get(two, 0.0) + value
            sums[two][one] = sums[two].get(one, 0.0) + value
    heap = [(-value, one, two) for (one, two), value in edges.items() if one < two and value >= threshold]
    heapq.heapify(heap)
    fresh = count
    while heap:
        _, one, two = heapq.heappop(heap)
        if one not in members or two not in members:
            continue  # merged away since this entry was pushed
        merged = fresh
        fresh += 1
        members[merged] = members.pop(one) + members.pop(two)
        links = sums.pop(one)
        for other, value in sums.pop(two).items():
            links[other] = links.get(other, 0.0) + value
        links.pop(one, None)
        links.pop(two, None)
        sums[merged] = links
        size = len(members[merged])
        for other, value in links.items():
            neighbour = sums[other]
            neighbour.pop(one, None)
            neighbour.pop(two, None)
            neighbour[merged] = value
            average = value / (size * len(members[other]))
            if average >= threshold:
                heapq.heappush(heap, (-average, other, merged))
    return sorted((sorted(group) for group in members.values()), key=lambda group: (-len(group), group[0]))
