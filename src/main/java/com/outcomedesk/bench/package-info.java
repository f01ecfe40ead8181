/**
 * Benchmarks of the engine (learning, import, insight and sync) and of the HTTP server under load, on throwaway stores
 * and generated data; they use the engine (and, for the load, start the server in-process), the command line runs
 * them, and nothing in the engine uses them.
 */
package com.outcomedesk.bench;
