// aggregator-errors/widgets: see its guide in docs/.
export {};
