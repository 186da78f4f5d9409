import { ByteBuffer } from 'flatbuffers';

/**
 * A minimal reader for one FlatBuffers table: fields are addressed by their slot number in the schema
 * (field N lives at vtable offset 4 + 2N). Hand-written instead of generated code so the project carries
 * only the handful of TFLite fields it reads.
 */
export class FlatTable {
  constructor(
    readonly bb: ByteBuffer,
    readonly pos: number,
  ) {}

  static root(bytes: Uint8Array): FlatTable {
    const bb = new ByteBuffer(bytes);
    return new FlatTable(bb, bb.readInt32(bb.position()) + bb.position());
  }

  /** Absolute position of a field's value, or 0 when the field is absent (the schema default applies). */
  private field(slot: number): number {
    const rel = this.bb.__offset(this.pos, 4 + 2 * slot);
    return rel === 0 ? 0 : this.pos + rel;
  }

  has(slot: number): boolean {
    return this.field(slot) !== 0;
  }

  int8(slot: number, def = 0): number {
    const at = this.field(slot);
    return at ? this.bb.readInt8(at) : def;
  }

  uint8(slot: number, def = 0): number {
    const at = this.field(slot);
    return at ? this.bb.readUint8(at) : def;
  }

  int32(slot: number, def = 0): number {
    const at = this.field(slot);
    return at ? this.bb.readInt32(at) : def;
  }

  uint32(slot: number, def = 0): number {
    const at = this.field(slot);
    return at ? this.bb.readUint32(at) : def;
  }

  uint64(slot: number, def = 0): number {
    const at = this.field(slot);
    return at ? Number(this.bb.readUint64(at)) : def;
  }

  float32(slot: number, def = 0): number {
    const at = this.field(slot);
    return at ? this.bb.readFloat32(at) : def;
  }

  bool(slot: number, def = false): boolean {
    const at = this.field(slot);
    return at ? this.bb.readInt8(at) !== 0 : def;
  }

  string(slot: number): string | undefined {
    const at = this.field(slot);
    return at ? (this.bb.__string(at) as string) : undefined;
  }

  table(slot: number): FlatTable | undefined {
    const at = this.field(slot);
    return at ? new FlatTable(this.bb, this.bb.__indirect(at)) : undefined;
  }

  tables(slot: number): FlatTable[] {
    const at = this.field(slot);
    if (!at) return [];
    const start = this.bb.__vector(at);
    const n = this.bb.__vector_len(at);
    const out: FlatTable[] = [];
    for (let i = 0; i < n; i++) out.push(new FlatTable(this.bb, this.bb.__indirect(start + 4 * i)));
    return out;
  }

  int32s(slot: number): number[] {
    return this.scalars(slot, 4, (p) => this.bb.readInt32(p));
  }

  float32s(slot: number): number[] {
    return this.scalars(slot, 4, (p) => this.bb.readFloat32(p));
  }

  int64s(slot: number): number[] {
    return this.scalars(slot, 8, (p) => Number(this.bb.readInt64(p)));
  }

  /** A [ubyte] vector as a view into the file's bytes (no copy). */
  bytes(slot: number): Uint8Array {
    const at = this.field(slot);
    if (!at) return new Uint8Array(0);
    const start = this.bb.__vector(at);
    return this.bb.bytes().subarray(start, start + this.bb.__vector_len(at));
  }

  private scalars(slot: number, size: number, read: (pos: number) => number): number[] {
    const at = this.field(slot);
    if (!at) return [];
    const start = this.bb.__vector(at);
    const n = this.bb.__vector_len(at);
    const out = new Array<number>(n);
    for (let i = 0; i < n; i++) out[i] = read(start + size * i);
    return out;
  }
}
