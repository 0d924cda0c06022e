/**
 * Other tabs of the same origin hear of a write made here (a connection added, re-connected,
 * deleted or made main) and revalidate that source, so every tab shows the same thing within a
 * moment. One BroadcastChannel per store, open only while the store has subscribers.
 */
const CHANNEL = 'data-source-widgets';

interface Changed {
  type: 'dsw-source-changed';
  /** The endpoint, absolute: stores of other endpoints ignore it. */
  endpoint: string;
  sourceId: string;
}

export class TabSync {
  private channel?: BroadcastChannel;

  constructor(
    private readonly endpoint: () => string,
    private readonly onChanged: (sourceId: string) => void,
  ) {}

  /** Listens while `wanted` (the store has subscribers); no channel otherwise. */
  listen(wanted: boolean): void {
    if (wanted === !!this.channel || typeof BroadcastChannel !== 'function') return;
    if (!wanted) {
      this.channel!.close();
      this.channel = undefined;
      return;
    }
    try {
      this.channel = new BroadcastChannel(CHANNEL);
    } catch {
      return; // Opaque origins (sandboxed frames) refuse: this tab stays in step by focus alone.
    }
    // Anything else on the channel (another version's message, a page's own) is ignored; a
    // sourceId that is not a string names no source the store holds.
    this.channel.onmessage = ({ data }: MessageEvent<Changed | null>) => {
      if (data?.type === 'dsw-source-changed' && data.endpoint === this.endpoint()) this.onChanged(data.sourceId);
    };
  }

  /** Tells the other tabs that `sourceId` changed. */
  tell(sourceId: string): void {
    const message: Changed = { type: 'dsw-source-changed', endpoint: this.endpoint(), sourceId };
    // The listening channel, or a short-lived one when this store listens to nothing (none
    // where there is no BroadcastChannel: safeChannel's `new` throws).
    const channel = this.channel ?? safeChannel();
    channel?.postMessage(message);
    if (channel && channel !== this.channel) channel.close();
  }
}

function safeChannel(): BroadcastChannel | undefined {
  try {
    return new BroadcastChannel(CHANNEL);
  } catch {
    return undefined;
  }
}
