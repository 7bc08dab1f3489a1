#!/usr/bin/env node
// Committed, so that a fresh install can link the bin before anything is built; the program is dist/bin.js (run the build first).
import "../dist/bin.js";
