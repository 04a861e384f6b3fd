package io.toasty.example.techempower.load;

/**
 * One measurement: an implementation under one test at a number of connections, in a round.
 *
 * @param impl the implementation's path prefix
 * @param test the test
 * @param connections the connections, each with one request in flight
 * @param round the round, from 1
 */
record Cell(String impl, String test, int connections, int round) {}
