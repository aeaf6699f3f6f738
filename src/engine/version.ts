// The engine's rules version. Bump it whenever a change alters any game's outcome (the golden
// hashes change): saved games and replay codes carry it, and ones from other rules are refused
// by name instead of being silently mis-replayed.
export const RULES_VERSION = 5;
