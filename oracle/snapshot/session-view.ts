import type { SessionView } from '../../interleaving';
import type { Session } from '../kernel/proc';
import type { ViewEntry } from './view-table';

/** The terminal's foreground group, if the session has a terminal. */
function foreground(s: Session): number | null {
  return s.ttyvp && s.ttyp !== null ? (s.ttyp.pgrp?.id ?? null) : null;
}

function sessionView(s: Session): SessionView {
  return Object.freeze({ sid: s.sid, leader: s.leader?.pid ?? null, tty: s.ttyvp, fg: foreground(s) });
}

/** A session's view; its sid never changes. */
export class SessionEntry implements ViewEntry<Session, SessionView> {
  private view: SessionView;

  constructor(readonly source: Session) {
    this.view = sessionView(source);
  }

  current(): SessionView {
    const s = this.source;
    const v = this.view;
    if ((s.leader?.pid ?? null) !== v.leader || s.ttyvp !== v.tty || foreground(s) !== v.fg) this.view = sessionView(s);
    return this.view;
  }
}
