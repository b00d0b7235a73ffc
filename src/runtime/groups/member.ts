// One connection's place in the groups of its runtime: its id, role and the groups it joined.
// Sessions own one once they join a group or ask for their id.

/** What groups need from a session: its role and a way to write a frame to it. */
export interface MemberTarget {
  readonly role: string | undefined
  readonly state: string
  deliver(messageName: string, payload: unknown, frame?: string): Promise<void>
}

export class Member {
  readonly groups = new Set<string>()
  constructor(
    readonly id: string,
    readonly role: string,
    readonly target: MemberTarget,
  ) {}
}
