// The EXTRA_HELPERS under their `openws` export names (extraHelperExportName in ./helpers), one
// export each, so transformed code keeps only the helpers its validators call.
export { deepEqual as helperEqual, duplicateIndex as helperDup, isMultipleOf as helperMult, countKeys as helperKeys } from './helpers'
