/** VSS leaf kinds a bridge serves (branches are not signals). */
export type VssLeafType = 'sensor' | 'actuator' | 'attribute';

/** The scalar VSS datatypes; array datatypes (`uint8[]`, …) are not served by the bridge. */
export type VssDatatype =
  | 'boolean'
  | 'string'
  | 'int8'
  | 'uint8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'uint64'
  | 'float'
  | 'double';

/** A decoded signal value; on the wire VISS carries it as a string. */
export type VssValue = number | boolean | string;

/** Metadata of one leaf, as in the VSS release JSON. */
export interface SignalMeta {
  readonly type: VssLeafType;
  readonly datatype: VssDatatype;
  readonly unit?: string;
  readonly min?: number;
  readonly max?: number;
  readonly allowed?: readonly (string | number)[];
  readonly description: string;
}
