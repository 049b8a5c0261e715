"""Issue 18: the capaciteitsplanner's model in SimPy (Debian's python3-simpy, SimPy 2.3, module SimPy.Simulation),
for the speed comparison in bench/capaciteit.bench.ts. The same model as src/areas/capacity-planning/sim.ts:
Poisson arrivals, a room while rooms are free, else a reserve place, else turned away; a share needs a next step:
it stays `ready` days, then waits (keeping its place) for a woonplek that comes as a Poisson process; every night
at d + 0.5 the occupancy is recorded. Prints one JSON line: runs, seconds, mean occupancy and turned away per run.

usage: capaciteit_simpy.py RUNS DAYS LAMBDA MEAN_STAY P_NEXT MEAN_READY SUPPLY ROOMS RESERVE SEED
"""
import json
import random
import sys
import time
from collections import deque

from SimPy.Simulation import Process, Simulation, hold, passivate


class Model:
    def __init__(self, sim, rng, p):
        self.sim, self.rng, self.p = sim, rng, p
        self.occ = 0
        self.queue = deque()
        self.turned_away = 0
        self.occupied_nights = 0
        self.full_nights = 0
        self.reserve_nights = 0


class Person(Process):
    def live(self, m, stay, next_step):
        yield hold, self, stay
        if next_step:
            m.queue.append(self)
            yield passivate, self
        m.occ -= 1


class Arrivals(Process):
    def run(self, m):
        p = m.p
        while True:
            yield hold, self, m.rng.expovariate(p["lam"])
            if m.occ < p["rooms"] + p["reserve"]:
                m.occ += 1
                nxt = m.rng.random() < p["p_next"]
                stay = m.rng.expovariate(1 / (p["ready"] if nxt else p["stay"]))
                who = Person(sim=m.sim)
                m.sim.activate(who, who.live(m, max(1.0, stay), nxt))
            else:
                m.turned_away += 1


class Supply(Process):
    def run(self, m):
        while True:
            yield hold, self, m.rng.expovariate(m.p["supply"])
            if m.queue:
                m.sim.reactivate(m.queue.popleft())


class Nights(Process):
    def run(self, m):
        yield hold, self, 0.5
        while True:
            m.occupied_nights += m.occ
            if m.occ >= m.p["rooms"]:
                m.full_nights += 1
            if m.occ > m.p["rooms"]:
                m.reserve_nights += m.occ - m.p["rooms"]
            yield hold, self, 1.0


def one_run(p, seed):
    sim = Simulation()
    sim.initialize()
    m = Model(sim, random.Random(seed), p)
    for proc_class in (Arrivals, Supply, Nights):
        proc = proc_class(sim=sim)
        sim.activate(proc, proc.run(m))
    sim.simulate(until=p["days"])
    return m


def main():
    a = sys.argv[1:]
    runs, days = int(a[0]), int(a[1])
    p = dict(days=days, lam=float(a[2]), stay=float(a[3]), p_next=float(a[4]), ready=float(a[5]), supply=float(a[6]),
             rooms=int(a[7]), reserve=int(a[8]))
    seed = int(a[9])
    t0 = time.perf_counter()
    occ = []
    away = []
    for r in range(runs):
        m = one_run(p, seed * 100003 + r)
        occ.append(m.occupied_nights / days)
        away.append(m.turned_away)
    print(json.dumps({"runs": runs, "seconds": time.perf_counter() - t0, "occupancy": occ, "turnedAway": away}))


if __name__ == "__main__":
    main()
