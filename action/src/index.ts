// The Action's entry point (dist/index.js): everything happens in run().
import { run } from "./main.js";

await run();
