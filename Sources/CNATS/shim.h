// The NATS C client (nats.c, Debian's libnats-dev): connections, JetStream streams,
// pull consumers and publishing with acknowledgements.
#include <nats/nats.h>
