import type { Principal } from '../auth/Auth';
import type { Config } from '../config';
import { ConnectionCounter, tokenKey } from '../http/ConnectionCounter';

/** What a connection holds while it is open; ConnectionLimits.close gives it back. */
export interface ConnectionSlot {
  readonly token: string;
  readonly address: string;
}

type Caps = Pick<Config, 'yjsConnectionsPerToken' | 'yjsConnectionsPerHostToken' | 'yjsConnectionsPerAddress'>;

/**
 * The caps on open /yjs connections: per token (a host's page watches every table, so its cap is
 * higher) and per client address. Without them one token could open hundreds of connections and
 * multiply the per-connection message rate by as many. Counted per instance.
 */
export class ConnectionLimits {
  private readonly perToken = new ConnectionCounter();
  private readonly perAddress = new ConnectionCounter();

  constructor(private readonly caps: Caps) {}

  /** A slot for one more connection, or which cap refused it (then nothing is counted). */
  open(principal: Principal, address: string): ConnectionSlot | 'token' | 'address' {
    const token = tokenKey(principal);
    const max = principal.role === 'host' ? this.caps.yjsConnectionsPerHostToken : this.caps.yjsConnectionsPerToken;
    if (!this.perToken.tryOpen(token, max)) return 'token';
    if (!this.perAddress.tryOpen(address, this.caps.yjsConnectionsPerAddress)) {
      this.perToken.closed(token);
      return 'address';
    }
    return { token, address };
  }

  /** Call exactly once per slot: when the connection closes, or when accepting it failed. */
  close(slot: ConnectionSlot): void {
    this.perToken.closed(slot.token);
    this.perAddress.closed(slot.address);
  }
}
