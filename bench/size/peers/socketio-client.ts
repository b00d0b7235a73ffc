// The same chat exchange as examples/vite, written for socket.io: join or create a room, send
// messages, show what arrives. bench/size bundles it beside openws's client.
import { io } from 'socket.io-client'

const show = (line: string) => document.body.append(line)
const socket = io('ws://localhost:8080', { transports: ['websocket'] })
socket.on('joinedRoom', (p: { joinerId: string; roomId: string }) => show(`${p.joinerId} joined ${p.roomId}`))
socket.on('receivedMessage', (p: { senderId: string; text: string }) => show(`${p.senderId}: ${p.text}`))
socket.on('connect_error', (e: Error) => show(e.message))
socket.emit('createRoom', { userId: 'alice', roomId: 'r1' })
socket.emit('joinRoom', { userId: 'alice', roomId: 'r1' })
socket.emit('sendMessage', { userId: 'alice', roomId: 'r1', text: 'hi' })
