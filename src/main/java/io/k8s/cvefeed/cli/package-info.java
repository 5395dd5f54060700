/**
 * The command line: picocli commands, their options, the hand wiring of the pipeline behind them
 * and what they print; the only place with System.exit and stdout.
 */
@NullMarked
package io.k8s.cvefeed.cli;

import org.jspecify.annotations.NullMarked;
