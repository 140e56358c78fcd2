import type { StateCreator } from 'zustand';
import { addLine, setLineQuantity, type Cart, type CartMerchant, type NewLine } from './cart.ts';

export interface CartSlice {
  cart: Cart | null;
  addToCart(merchant: CartMerchant, line: NewLine): boolean;
  setCartQuantity(key: string, quantity: number): void;
  setFulfilment(fulfilment: Cart['fulfilment']): void;
  clearCart(): void;
}

export const createCartSlice: StateCreator<CartSlice, [], [], CartSlice> = (set, get) => ({
  cart: null,
  addToCart: (merchant, line) => {
    const next = addLine(get().cart, merchant, line);
    if (!next) return false;
    set({ cart: next });
    return true;
  },
  setCartQuantity: (key, quantity) => {
    const cart = get().cart;
    if (cart) set({ cart: setLineQuantity(cart, key, quantity) });
  },
  setFulfilment: (fulfilment) => {
    const cart = get().cart;
    if (cart) set({ cart: { ...cart, fulfilment } });
  },
  clearCart: () => set({ cart: null }),
});
