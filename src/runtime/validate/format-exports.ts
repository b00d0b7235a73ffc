// The format checks under their `openws` export names (formatExportName in ./formats), one export
// each, so transformed code keeps only the checks its schemas use.
export {
  isDateTime as formatDateTime,
  isDate as formatDate,
  isTime as formatTime,
  isEmail as formatEmail,
  isUuid as formatUuid,
  isUri as formatUri,
  isIpv4 as formatIpv4,
  isIpv6 as formatIpv6,
} from './formats'
