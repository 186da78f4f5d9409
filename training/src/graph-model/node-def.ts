/**
 * TensorFlow NodeDef / AttrValue in the JSON form tfjs-converter reads (see its operation_mapper.ts):
 * strings are base64, integers may be decimal strings, dtypes are "DT_*" names.
 */
export interface AttrValue {
  s?: string;
  i?: string;
  f?: number;
  b?: boolean;
  type?: string;
  shape?: { dim?: { size: string }[]; unknownRank?: boolean };
  list?: { s?: string[]; i?: string[]; f?: number[]; type?: string[] };
  tensor?: { dtype: string; tensorShape: { dim?: { size: string }[] } };
}

export interface NodeDef {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, AttrValue>;
}

export type TfDtype = 'DT_FLOAT' | 'DT_INT32';

// Attribute strings are ASCII (op names, SAME/VALID, NHWC), so btoa is exact.
const b64 = (s: string): string => btoa(s);

export const attr = {
  str: (s: string): AttrValue => ({ s: b64(s) }),
  strList: (ss: string[]): AttrValue => ({ list: { s: ss.map(b64) } }),
  int: (i: number): AttrValue => ({ i: String(i) }),
  intList: (is: number[]): AttrValue => ({ list: { i: is.map(String) } }),
  float: (f: number): AttrValue => ({ f }),
  bool: (b: boolean): AttrValue => ({ b }),
  type: (t: TfDtype): AttrValue => ({ type: t }),
  shape: (dims: number[]): AttrValue => ({ shape: { dim: dims.map((d) => ({ size: String(d) })) } }),
};

export function constNode(name: string, dtype: TfDtype, shape: number[]): NodeDef {
  return {
    name,
    op: 'Const',
    attr: {
      dtype: attr.type(dtype),
      value: { tensor: { dtype, tensorShape: { dim: shape.map((d) => ({ size: String(d) })) } } },
    },
  };
}
