/** Why the server refused a job from the panel, under the button that sent it (the message names the field). */
import { describeError, isApiRequestError } from '../api/client.ts';

export function SubmitError({ error, testId }: { error: unknown; testId: string }) {
  if (!error) return null;
  const network = isApiRequestError(error) && error.isNetwork;
  return (
    <div
      role="alert"
      data-testid={testId}
      data-field={isApiRequestError(error) ? error.field : undefined}
      className="mt-2 rounded-md border border-red-500/30 bg-red-500/10 px-2.5 py-2 text-[12px] text-red-200 [overflow-wrap:anywhere]"
    >
      <p className="font-medium">{network ? 'Server unreachable' : 'The job was not created'}</p>
      <p className="mt-0.5 text-red-200/80">{describeError(error)}</p>
    </div>
  );
}
