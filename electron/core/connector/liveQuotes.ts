import { randomUUID } from 'node:crypto';
import { DossierError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { emitChange } from '../events';

/**
 * A quote from the browser for a note that is open in an editor goes INTO that
 * editor, at its cursor, like a reader quote: writing it into the stored note
 * instead would leave the editor showing the note without it, and the editor's
 * next autosave would overwrite it.
 *
 * The core offers the quote on the change-event channel (`note.quoteWaiting`);
 * the editor of that note claims it (`connector.claimQuote`, first claim wins,
 * so two windows never both insert it), inserts it, saves, and confirms
 * (`connector.quoteInserted`). An offer nobody claims in time, or a claim never
 * confirmed (the window closed, the renderer hung), ends so the caller writes
 * the quote into the stored note instead (guarded against stale autosaves).
 */
export interface LiveQuoteTimeouts {
  /** How long an open editor has to claim an offer (a live renderer answers in milliseconds). */
  claimMs: number;
  /** How long a claimed quote may take to be inserted and saved. */
  insertMs: number;
}

export const DEFAULT_LIVE_QUOTE_TIMEOUTS: LiveQuoteTimeouts = { claimMs: 4000, insertMs: 15_000 };

export interface LiveQuote {
  noteId: number;
  passageId: number;
  /** The passage's exact words. */
  text: string;
  kind: 'block' | 'inline';
}

/** inserted: the editor has it (and saved it); otherwise the caller writes it into the stored note. */
export type OfferResult = 'inserted' | 'unclaimed' | 'unconfirmed';

interface Offer {
  quote: LiveQuote;
  claimed: boolean;
  timer: ReturnType<typeof setTimeout>;
  settle(result: OfferResult): void;
}

export class LiveQuotes {
  private readonly offers = new Map<string, Offer>();

  constructor(public timeouts: LiveQuoteTimeouts = DEFAULT_LIVE_QUOTE_TIMEOUTS) {}

  /** Offers the quote to the editor of `quote.noteId`; resolves with how it ended. */
  offer(ctx: CoreContext, quote: LiveQuote): Promise<OfferResult> {
    const requestId = randomUUID();
    return new Promise<OfferResult>((resolve) => {
      const offer: Offer = {
        quote,
        claimed: false,
        timer: setTimeout(() => offer.settle('unclaimed'), this.timeouts.claimMs),
        settle: (result) => {
          clearTimeout(offer.timer);
          this.offers.delete(requestId);
          resolve(result);
        },
      };
      this.offers.set(requestId, offer);
      emitChange(ctx, { type: 'note.quoteWaiting', noteId: quote.noteId, requestId });
    });
  }

  /** The editor takes the offer: it gets the words to insert; nobody else can take it. */
  claim(requestId: string): LiveQuote {
    const offer = this.offers.get(requestId);
    if (!offer || offer.claimed) {
      throw new DossierError('not_found', 'This quote is no longer waiting: another window took it, or it went into the stored note.');
    }
    offer.claimed = true;
    clearTimeout(offer.timer);
    offer.timer = setTimeout(() => offer.settle('unconfirmed'), this.timeouts.insertMs);
    return offer.quote;
  }

  /** The editor inserted (and saved) a claimed quote. False: too late, the core already wrote it into the stored note. */
  inserted(requestId: string): boolean {
    const offer = this.offers.get(requestId);
    if (!offer?.claimed) return false;
    offer.settle('inserted');
    return true;
  }

  /** How many offers are open (tests: none may be left behind). */
  get pending(): number {
    return this.offers.size;
  }
}
