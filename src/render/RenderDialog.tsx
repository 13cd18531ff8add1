/**
 * "Render video": the options of a render job (backdrop, background incl. a green-screen preset, shadow,
 * camera mode and angle, and for the local renderer resolution, formats and transparency), submitted as a
 * POST /api/jobs render job on the given variant. The result is a job like any other: its MP4/WebM are
 * variant files. Self-contained so any panel (viewport toolbar, edit actions) can open it.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { ProviderId } from '../../server/contract/api.ts';
import { RadioOptions } from '../ui/RadioOptions.tsx';
import type { RadioOption } from '../ui/RadioOptions.tsx';
import { describeError, isApiRequestError } from '../api/client.ts';
import { useCreateJob } from '../state/jobMutations.ts';
import { providersQuery } from '../api/queries.ts';
import { Button } from '../ui/Button.tsx';
import { XIcon } from '../ui/icons.tsx';
import { BACKDROP_CHOICES, DEFAULT_RENDER_FORM, GREEN_SCREEN, renderRequestFrom } from './renderForm.ts';
import type { RenderForm } from './renderForm.ts';

export interface RenderDialogProps {
  jobId: string;
  /** 1-based variant to render. */
  variant: number;
  provider: ProviderId;
  onClose: () => void;
}

const CAMERAS: ReadonlyArray<{ value: RenderForm['camMode']; label: string; title: string }> = [
  { value: 'cinematic', label: 'Cinematic', title: 'Follows the character, keeping it centred' },
  { value: 'fixed', label: 'Fixed', title: 'One still camera that sees the whole motion' },
  { value: 'face', label: 'Face', title: 'A head-and-shoulders close-up' },
];

function Row({ label, htmlFor, children }: { label: string; htmlFor?: string; children: ReactNode }) {
  return (
    <div>
      <label className="field-label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
    </div>
  );
}

function Choice<T extends string>({ name, value, options, onChange }: { name: string; value: T; options: ReadonlyArray<RadioOption<T>>; onChange: (v: T) => void }) {
  return (
    <div role="radiogroup" aria-label={name} className="flex gap-0.5 rounded-md border border-line bg-sunken p-0.5">
      <RadioOptions
        value={value}
        options={options}
        onChange={onChange}
        testIdPrefix={`render-${name}`}
        buttonClass={(selected) => `flex-1 rounded px-2 py-1 text-[12px] transition-colors ${selected ? 'bg-accent/25 text-fg' : 'text-muted hover:text-fg'}`}
      />
    </div>
  );
}

export function RenderDialog({ jobId, variant, provider, onClose }: RenderDialogProps) {
  const [form, setForm] = useState<RenderForm>(DEFAULT_RENDER_FORM);
  const patch = (p: Partial<RenderForm>) => setForm((f) => ({ ...f, ...p }));
  const create = useCreateJob();
  const providers = useQuery(providersQuery());
  const info = providers.data?.find((p) => p.id === provider);
  const canRender = info ? info.configured && info.capabilities.includes('render') : true;
  const local = provider === 'local';
  const studio = form.backdrop === 'studio';
  const ids = { backdrop: useId(), colour: useId(), angle: useId(), resolution: useId(), format: useId() };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const submit = () => create.mutate(renderRequestFrom(form, { jobId, variant, provider }), { onSuccess: onClose });
  const errorField = isApiRequestError(create.error) ? create.error.field : undefined;

  // A portal: toolbars use backdrop-filter, which would turn `fixed` into "fixed to the toolbar".
  return createPortal(
    <div className="fixed inset-0 z-50 grid place-items-center bg-black/50 p-4" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${ids.backdrop}-title`}
        data-testid="render-dialog"
        className="w-[min(440px,100%)] rounded-lg border border-line bg-panel p-4 shadow-2xl shadow-black/60"
      >
        <div className="mb-3 flex items-center justify-between">
          <h2 id={`${ids.backdrop}-title`} className="text-[14px] font-semibold">
            Render video <span className="font-normal text-muted">· variant {variant}</span>
          </h2>
          <button type="button" aria-label="Close" onClick={onClose} className="grid size-7 place-items-center rounded-md text-muted hover:bg-white/8 hover:text-fg">
            <XIcon />
          </button>
        </div>

        {!canRender ? (
          <p className="text-[12px] text-muted" data-testid="render-unavailable">
            {info?.configured === false ? `${info.name} is not configured on this server.` : `${info?.name ?? provider} cannot render video.`} Render with the local engine instead:
            it renders any variant that has a GLB.
          </p>
        ) : (
          <div className="space-y-3">
            <Row label="Backdrop" htmlFor={ids.backdrop}>
              <select
                id={ids.backdrop}
                data-testid="render-backdrop"
                className="field-input"
                value={form.backdrop}
                onChange={(e) => patch({ backdrop: e.target.value as RenderForm['backdrop'] })}
              >
                {BACKDROP_CHOICES.map((b) => (
                  <option key={b} value={b}>
                    {b === 'studio' ? 'Studio (3D stage)' : b.replace(/_/g, ' ')}
                  </option>
                ))}
              </select>
            </Row>

            {studio && (
              <Row label="Background" htmlFor={ids.colour}>
                <div className="flex flex-wrap items-center gap-2">
                  <label className="flex items-center gap-1.5 text-[12px]">
                    <input type="checkbox" data-testid="render-solid" checked={form.solidBackground} onChange={(e) => patch({ solidBackground: e.target.checked })} />
                    Solid colour
                  </label>
                  <input
                    id={ids.colour}
                    type="color"
                    data-testid="render-colour"
                    disabled={!form.solidBackground}
                    value={form.colour}
                    onChange={(e) => patch({ colour: e.target.value })}
                    className="h-[26px] w-10 cursor-pointer rounded border border-line bg-sunken p-0.5 disabled:opacity-40"
                  />
                  <Button size="xs" data-testid="render-green-screen" onClick={() => patch({ solidBackground: true, colour: GREEN_SCREEN })}>
                    Green screen
                  </Button>
                  {local && (
                    <label className="flex items-center gap-1.5 text-[12px]" title="The WebM keeps an alpha channel; the MP4 shows the colour">
                      <input
                        type="checkbox"
                        data-testid="render-transparent"
                        disabled={!form.solidBackground}
                        checked={form.transparent}
                        onChange={(e) => patch({ transparent: e.target.checked })}
                      />
                      Transparent (WebM)
                    </label>
                  )}
                </div>
              </Row>
            )}

            <label className={`flex items-center gap-1.5 text-[12px] ${studio ? '' : 'text-faint'}`}>
              <input type="checkbox" data-testid="render-shadow" disabled={!studio} checked={studio && form.shadow} onChange={(e) => patch({ shadow: e.target.checked })} />
              {studio ? 'Cast a shadow' : 'Shadow (studio backdrop only)'}
            </label>

            <Row label="Camera">
              <Choice name="cam" value={form.camMode} options={CAMERAS} onChange={(camMode) => patch({ camMode })} />
            </Row>

            <Row label={`Camera angle · ${form.camAngleDeg > 0 ? '+' : ''}${form.camAngleDeg}°`} htmlFor={ids.angle}>
              <input
                id={ids.angle}
                type="range"
                min={-90}
                max={90}
                step={5}
                data-testid="render-angle"
                aria-invalid={errorField === 'camAngleDeg'}
                value={form.camAngleDeg}
                onChange={(e) => patch({ camAngleDeg: Number(e.target.value) })}
                className="w-full accent-accent"
              />
            </Row>

            {local && (
              <div className="grid grid-cols-2 gap-3">
                <Row label="Resolution" htmlFor={ids.resolution}>
                  <select
                    id={ids.resolution}
                    data-testid="render-resolution"
                    className="field-input"
                    value={form.resolution}
                    onChange={(e) => patch({ resolution: e.target.value as RenderForm['resolution'] })}
                  >
                    <option value="720p">720p (1280×720)</option>
                    <option value="1080p">1080p (1920×1080)</option>
                  </select>
                </Row>
                <Row label="Files" htmlFor={ids.format}>
                  <select
                    id={ids.format}
                    data-testid="render-format"
                    className="field-input"
                    value={form.format}
                    onChange={(e) => patch({ format: e.target.value as RenderForm['format'] })}
                  >
                    <option value="both">MP4 and WebM</option>
                    <option value="mp4">MP4 (H.264)</option>
                    <option value="webm">WebM (VP9)</option>
                  </select>
                </Row>
              </div>
            )}

            {create.isError && (
              <p role="alert" data-testid="render-error" className="text-[12px] text-red-300">
                {describeError(create.error)}
              </p>
            )}
            <div className="flex justify-end gap-2 pt-1">
              <Button variant="ghost" onClick={onClose}>
                Cancel
              </Button>
              <Button variant="primary" data-testid="render-submit" disabled={create.isPending} onClick={submit}>
                {create.isPending ? 'Submitting…' : 'Render'}
              </Button>
            </div>
          </div>
        )}
      </div>
    </div>,
    document.body,
  );
}
