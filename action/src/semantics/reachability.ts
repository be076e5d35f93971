/**
 * The three-valued reachability verdict, the one term for it everywhere (plans, outcomes,
 * reports, JSON): `cannot-check` is a probe that could not run (an infrastructure failure),
 * never a verdict about policy.
 */
export type Reachability = "allowed" | "blocked" | "cannot-check";
