export type Reachability = "allowed" | "blocked" | "cannot-check";
