/**
 * waitFor and findBy* wait up to 10 s instead of Testing Library's 1 s: on a loaded 2-core machine (CI, or
 * several test runs at once) a query with a few refetches can take longer than 1 s, and a short wait would
 * fail a test that is right. Nothing waits that long when the code is right; a wrong state still fails.
 */
import { configure } from "@testing-library/react";

configure({ asyncUtilTimeout: 10_000 });
