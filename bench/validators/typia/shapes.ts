// The bench payloads as TypeScript types, compiled by typia's transformer (see ../index.ts).
import typia, { type tags } from 'typia'

export interface JoinRoom { userId: string, roomId: string }
export interface SendMessage { userId: string, roomId: string, text: string }

export interface Member {
  userId: string & tags.MinLength<1> & tags.MaxLength<64>
  name: string
  role: 'owner' | 'member' | 'guest'
  joinedAt: number & tags.Type<'int64'> & tags.Minimum<0>
}
export interface Reaction { emoji: string, count: number & tags.Type<'int64'> & tags.Minimum<0> }
export interface ChatMessage {
  id: string & tags.Format<'uuid'>
  senderId: string
  text: string & tags.MaxLength<2000>
  ts: number & tags.Type<'int64'>
  edited: boolean
  reactions: Reaction[]
}
export interface RoomState {
  roomId: string
  name: string & tags.MinLength<1> & tags.MaxLength<64>
  createdAt: string & tags.Format<'date-time'>
  members: Member[]
  messages: ChatMessage[]
  settings: { public: boolean, maxMembers: number & tags.Type<'int64'> & tags.Minimum<1> & tags.Maximum<1000>, topic: string | null }
}

export const is = {
  joinRoom: typia.createIs<JoinRoom>(),
  sendMessage: typia.createIs<SendMessage>(),
  roomState: typia.createIs<RoomState>(),
}
/** `equals` also rejects extra properties: the same contract as additionalProperties: false. */
export const equals = {
  joinRoom: typia.createEquals<JoinRoom>(),
  sendMessage: typia.createEquals<SendMessage>(),
  roomState: typia.createEquals<RoomState>(),
}
