/** One fact of the engineering screen: a label and a value, in a `dl`. */
export function Fact({ label, value, id }: { label: string; value: string; id: string }) {
  return (
    <>
      <dt className="label">{label}</dt>
      <dd data-testid={`engineering-${id}`}>{value}</dd>
    </>
  );
}
