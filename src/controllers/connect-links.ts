import type { ReactiveController } from 'lit';
import { DswError } from '../api/errors.js';
import { createConnectLink, listConnectLinks, revokeConnectLink } from '../api/links.js';
import type { Connection, ConnectLink, ConnectLinkRequest, CreatedConnectLink } from '../api/types.js';
import { ConnectLinkCreatedEvent, ConnectLinkExpiredEvent, ConnectLinkRevokedEvent, ConnectLinkUsedEvent } from '../events/connect-link.js';
import { DswErrorEvent } from '../events/error.js';
import { withDialogStrings } from '../strings/en-dialog.js';
import { LatestRequest } from './latest-request.js';
import type { LocaleController } from './locale-controller.js';
import type { SourceController, SourceHost } from './source-controller.js';

export interface LinkNotice {
  tone: 'success' | 'error' | 'info';
  text: string;
}

/**
 * The connect links of one data source, for the dialog: the pending ones, the one just made
 * (its URL, shown this once), create, revoke, copy; and what became of the pending ones, told
 * as events and a notice. Active from the first `load()` (the Links view opened) for as long as
 * the dialog lives, open or not: the card's store polls while links are pending (store/link-poll.ts),
 * and each change of the source's data here is checked against the links known.
 */
export class ConnectLinksController implements ReactiveController {
  links?: ConnectLink[];
  loadError?: DswError;
  creating = false;
  /** The link made last, with its URL: the token is never shown again once the view is left. */
  created?: CreatedConnectLink;
  notice?: LinkNotice;
  readonly revoking = new Set<string>();
  private known?: Set<string>;
  private pending = 0;
  private readonly latest: LatestRequest;
  private expiryTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: SourceHost,
    private readonly data: SourceController,
    private readonly l10n: LocaleController,
  ) {
    this.latest = new LatestRequest(host);
    host.addController(this);
  }

  /** The pending links are on their way. */
  get loading(): boolean {
    return this.latest.loading;
  }

  hostDisconnected(): void {
    this.latest.abort();
    clearTimeout(this.expiryTimer);
  }

  /** After each change of the source's data: a pending count that moved, or new accounts, may mean a link ended. */
  hostUpdate(): void {
    if (!this.links || this.loading) return;
    const state = this.data.state;
    const count = state.source?.pendingLinkCount ?? 0;
    const arrived = state.connections.some((c) => !this.known?.has(c.id));
    // A link used, revoked or made elsewhere (another tab), or an account that may have come
    // through one: the list is asked for again.
    if (count !== this.pending || (arrived && this.links.length)) void this.load();
  }

  /** Loads the pending links (the Links view opened, or a change to check). */
  load(): Promise<void> {
    const { store } = this.data;
    const sourceId = this.host.source;
    if (!store || !sourceId) return Promise.resolve();
    return this.latest.run(
      (signal) => listConnectLinks(store.client, sourceId, { signal }),
      ({ items }) => {
        const before = this.links;
        const connections = store.get(sourceId).connections;
        const arrived = this.known ? connections.filter((c) => !this.known!.has(c.id)) : [];
        this.links = items;
        this.loadError = undefined;
        this.known = new Set(connections.map((c) => c.id));
        this.pending = store.get(sourceId).source?.pendingLinkCount ?? items.length;
        if (before) this.settle(before, items, arrived);
        this.planExpiry();
      },
      (error) => {
        this.loadError = error instanceof DswError ? error : undefined;
        this.report(error, 'load-links');
      },
    );
  }

  async create(request: ConnectLinkRequest): Promise<boolean> {
    const { store } = this.data;
    const sourceId = this.host.source;
    if (!store || this.creating) return false;
    this.creating = true;
    this.notice = undefined;
    this.host.requestUpdate();
    try {
      const link = await createConnectLink(store.client, sourceId, request);
      this.created = link;
      this.links = [toLink(link), ...(this.links ?? []).filter((l) => l.id !== link.id)];
      this.pending++;
      this.host.dispatchEvent(new ConnectLinkCreatedEvent({ sourceId, link: toLink(link) }));
      this.planExpiry();
      // The source now reports a pending link: the store starts checking it (and tells other tabs).
      void store.reload(sourceId).catch(() => {});
      return true;
    } catch (error) {
      this.notice = { tone: 'error', text: withDialogStrings(this.l10n.strings).linkCreateFailed };
      this.report(error, 'create-link');
      return false;
    } finally {
      this.creating = false;
      this.host.requestUpdate();
    }
  }

  async revoke(link: ConnectLink): Promise<void> {
    const { store } = this.data;
    const sourceId = this.host.source;
    if (!store || this.revoking.has(link.id)) return;
    this.revoking.add(link.id);
    this.host.requestUpdate();
    try {
      await revokeConnectLink(store.client, sourceId, link.id);
      this.drop(link.id);
      this.host.dispatchEvent(new ConnectLinkRevokedEvent({ sourceId, link: { ...link, status: 'revoked' } }));
      this.notice = { tone: 'success', text: withDialogStrings(this.l10n.strings).linkRevoked };
      void store.reload(sourceId).catch(() => {});
    } catch (error) {
      this.notice = { tone: 'error', text: withDialogStrings(this.l10n.strings).linkRevokeFailed };
      this.report(error, 'revoke-link');
    } finally {
      this.revoking.delete(link.id);
      this.host.requestUpdate();
    }
  }

  /** Copies the new link's URL; says whether it worked (a page without clipboard access refuses). */
  async copy(): Promise<void> {
    const url = this.created?.url;
    if (!url) return;
    const s = withDialogStrings(this.l10n.strings);
    try {
      await navigator.clipboard.writeText(url);
      this.notice = { tone: 'success', text: s.linkCopied };
    } catch {
      this.notice = { tone: 'error', text: s.copyFailed };
    }
    this.host.requestUpdate();
  }

  /** Forgets the new link's URL (the view was left): only its pending entry stays. */
  forgetCreated(): void {
    this.created = undefined;
    this.notice = undefined;
  }

  /** Links that left the pending list: past their expiry they expired, else one was used if an account arrived. */
  private settle(before: readonly ConnectLink[], now: readonly ConnectLink[], arrived: readonly Connection[]): void {
    const sourceId = this.host.source;
    const s = withDialogStrings(this.l10n.strings);
    const clock = this.data.store?.now() ?? Date.now();
    const newest = arrived[0];
    for (const link of before) {
      if (now.some((l) => l.id === link.id)) continue;
      if (this.created?.id === link.id) this.created = undefined;
      if (Date.parse(link.expiresAt) <= clock) {
        this.host.dispatchEvent(new ConnectLinkExpiredEvent({ sourceId, link: { ...link, status: 'expired' } }));
        this.notice = { tone: 'info', text: s.linkExpired };
      } else if (newest) {
        this.host.dispatchEvent(new ConnectLinkUsedEvent({ sourceId, connection: newest, link: { ...link, status: 'used' } }));
        const by = newest.connectedBy;
        this.notice = { tone: 'success', text: by ? s.linkUsedBy(newest.accountName, by) : s.linkUsed(newest.accountName) };
      }
    }
  }

  private drop(id: string): void {
    this.links = this.links?.filter((l) => l.id !== id);
    if (this.created?.id === id) this.created = undefined;
    this.pending = Math.max(0, this.pending - 1);
  }

  /** Checks again when the next pending link reaches its expiry, so it leaves the list then. */
  private planExpiry(): void {
    clearTimeout(this.expiryTimer);
    const next = Math.min(...(this.links ?? []).map((l) => Date.parse(l.expiresAt)));
    if (!Number.isFinite(next)) return;
    const clock = this.data.store?.now() ?? Date.now();
    // setTimeout holds at most about 24.8 days; a later expiry is looked at again then.
    this.expiryTimer = setTimeout(() => void this.load(), Math.min(Math.max(0, next - clock) + 1_000, 2 ** 31 - 1));
  }

  private report(error: unknown, action: 'load-links' | 'create-link' | 'revoke-link'): void {
    if (error instanceof DswError) {
      this.host.dispatchEvent(new DswErrorEvent({ error, action, sourceId: this.host.source }));
    }
  }
}

/** The link as listed, without its URL: events and the list never carry the token. */
function toLink({ url: _url, ...link }: CreatedConnectLink): ConnectLink {
  return link;
}
