/* liaison-loop-private.h: what the closed loop's state machine files
 * (liaison-loop*.c) share with each other and with no one else. */
#pragma once

#include "liaison-loop.h"

G_BEGIN_DECLS

/* Forgets a round's referral and reply: when a state is freed, referred
 * again, or sent back to referral by an unsatisfied rating. */
void liaison_loop_state_clear_round (LiaisonLoopState *state);

G_END_DECLS
