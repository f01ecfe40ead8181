package com.outcomedesk.bench;

/** What a streamed batch answered: its status, how many lines came back, and the last one (the summary). */
record BatchAnswer(int status, long lines, String last) {
}
