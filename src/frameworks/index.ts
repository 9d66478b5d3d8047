// aggregator-errors/frameworks: see its guide in docs/.
export {};
