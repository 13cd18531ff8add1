/** A validation message (the form's own, as you type, or the server's) shown next to the field it names. */
export function FieldError({ field, message }: { field: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p data-testid="field-error" data-field={field} id={`${field}-error`} role="alert" className="mt-1 flex gap-1.5 text-[12px] leading-snug text-red-300">
      <span aria-hidden className="mt-[5px] size-1.5 shrink-0 rounded-full bg-red-400" />
      <span>{message}</span>
    </p>
  );
}
