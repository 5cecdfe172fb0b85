// Placeholder until the statistics issue lands.
