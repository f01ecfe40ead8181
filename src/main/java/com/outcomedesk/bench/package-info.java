/**
 * Benchmarks of the engine (learning, import, insight and sync) on throwaway stores and generated data; they use the
 * engine and the command line runs them, and nothing in the engine uses them.
 */
package com.outcomedesk.bench;
