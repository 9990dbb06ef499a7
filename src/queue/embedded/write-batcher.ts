/**
 * Group commit for one kind of write: calls made while a write of the same kind is running wait
 * for it and then go together in one statement. Alone, a call is written at once (no timer, no
 * added latency); under load the batches grow by themselves, and the statements per job shrink
 * exactly when the database is the bottleneck (PGlite runs one statement at a time).
 */
export class WriteBatcher<In, Out> {
  private readonly write: (items: In[]) => Promise<Out[]>;
  private readonly maxBatch: number;
  private waiting: Array<{ item: In; resolve: (out: Out) => void; reject: (error: unknown) => void }> = [];
  private running = false;

  /** `write` gets the items in call order and returns one result per item, in the same order. */
  constructor(write: (items: In[]) => Promise<Out[]>, maxBatch = 256) {
    this.write = write;
    this.maxBatch = maxBatch;
  }

  add(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.running) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.running = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      try {
        const results = await this.write(batch.map((entry) => entry.item));
        batch.forEach((entry, i) => {
          entry.resolve(results[i]);
        });
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.running = false;
  }
}
