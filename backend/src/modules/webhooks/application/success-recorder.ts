import { EntityManager } from '@mikro-orm/postgresql';
import { ormRunner } from '../../../platform/database/sql';
import { recordSuccesses } from '../persistence/webhooks.statements';

interface Waiting {
  id: string;
  token: string;
  status: number;
  done: () => void;
  failed: (error: Error) => void;
}

/**
 * Records successful attempts together: those that end while a statement recording earlier ones
 * runs go into the next one (group commit), so a busy worker spends one round trip on many.
 */
export class SuccessRecorder {
  private waiting: Waiting[] = [];
  private recording = false;

  constructor(private readonly em: EntityManager) {}

  /** Resolves once the success is written (only the claim holding the lease writes it). */
  record(id: string, token: string, status: number): Promise<void> {
    return new Promise<void>((done, failed) => {
      this.waiting.push({ id, token, status, done, failed });
      if (!this.recording) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.recording = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting;
        this.waiting = [];
        try {
          await ormRunner(this.em).query(recordSuccesses(batch));
          for (const s of batch) s.done();
        } catch (error) {
          for (const s of batch) s.failed(error as Error);
        }
      }
    } finally {
      this.recording = false;
    }
  }
}
