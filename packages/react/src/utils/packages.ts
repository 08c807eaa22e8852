/**
 * What the hooks use of React, TanStack Query and wagmi at runtime, imported in one place: a
 * bundler keeps one import statement per module and package, so importing them here once instead
 * of in each hook keeps the app's bundle smaller. Types are imported from the packages directly.
 */
export { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
export {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
export { useConnection, WagmiContext } from 'wagmi'
export { getConnection } from 'wagmi/actions'
