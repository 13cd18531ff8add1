/**
 * Transient notices (toasts) for things that happen outside a form: a cancel the server refused, a lost
 * event stream. Each says what happened and what to do.
 */
import { create } from 'zustand';

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  title: string;
  detail?: string;
}

interface NoticeState {
  notices: Notice[];
  push: (n: Omit<Notice, 'id'>) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

export const useNotices = create<NoticeState>()((set) => ({
  notices: [],
  push: (n) => {
    const id = nextId++;
    set((s) => ({ notices: [...s.notices.slice(-3), { ...n, id }] }));
    setTimeout(() => set((s) => ({ notices: s.notices.filter((x) => x.id !== id) })), n.tone === 'error' ? 9000 : 4000);
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((x) => x.id !== id) })),
}));

export const notify = (n: Omit<Notice, 'id'>) => useNotices.getState().push(n);
