#ifndef LECTOR_SIGNALS_H
#define LECTOR_SIGNALS_H

/// Installs a handler for `number` that only records that the signal arrived (an
/// async-signal-safe flag). The daemon installs it at its first instruction for the signals
/// it handles through Dispatch: libdispatch on Linux delivers signals through a thread that
/// unblocks them and sets its own handler only once a source registers, so a signal landing
/// in between (one pending since start-up) would otherwise take the default action and end
/// the process. Returns 0, or -1 with errno set.
int lector_record_signal(int number);

/// Whether `number` was recorded since the last call; clears the record.
int lector_take_recorded_signal(int number);

#endif
