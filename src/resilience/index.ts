// aggregator-errors/resilience: see its guide in docs/.
export {};
