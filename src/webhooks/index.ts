// aggregator-errors/webhooks: see its guide in docs/.
export {};
