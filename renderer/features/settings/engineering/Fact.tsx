/** One fact of the engineering screen: a label and a value, in a `dl`; `wide` takes the row. */
export function Fact({
  label,
  value,
  id,
  wide = false,
}: {
  label: string;
  value: string;
  id: string;
  wide?: boolean;
}) {
  return (
    <>
      <dt className="label">{label}</dt>
      <dd className={wide ? 'engineering__wide' : undefined} data-testid={`engineering-${id}`}>
        {value}
      </dd>
    </>
  );
}
