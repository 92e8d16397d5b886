import type { PgrpView } from '../../interleaving';
import type { Pgrp } from '../kernel/proc';
import { pidsOf, samePids } from './pid-lists';
import type { ViewEntry } from './view-table';

function pgrpView(g: Pgrp, prev: PgrpView | undefined): PgrpView {
  return Object.freeze({ pgid: g.id, sid: g.session.sid, members: pidsOf(g.members, prev?.members), jobc: g.jobc });
}

/** A process group's view; its id and session never change, so members and jobc are what can. */
export class PgrpEntry implements ViewEntry<Pgrp, PgrpView> {
  private view: PgrpView;

  constructor(readonly source: Pgrp) {
    this.view = pgrpView(source, undefined);
  }

  current(): PgrpView {
    const g = this.source;
    if (g.jobc !== this.view.jobc || !samePids(g.members, this.view.members)) this.view = pgrpView(g, this.view);
    return this.view;
  }
}
