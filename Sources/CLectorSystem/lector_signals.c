#include "lector_signals.h"

#include <signal.h>
#include <string.h>

static volatile sig_atomic_t recorded[NSIG];

static void record(int number) {
    if (number > 0 && number < NSIG) recorded[number] = 1;
}

int lector_record_signal(int number) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = record;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return sigaction(number, &action, NULL);
}

int lector_take_recorded_signal(int number) {
    if (number <= 0 || number >= NSIG) return 0;
    int was = recorded[number];
    recorded[number] = 0;
    return was;
}
